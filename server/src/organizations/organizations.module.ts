import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DevelopersRepository } from './developers.repository';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [AuditModule],
  providers: [OrganizationsRepository, OrganizationsService, DevelopersRepository],
  exports: [OrganizationsService, DevelopersRepository],
})
export class OrganizationsModule {}
