import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DevelopersRepository } from './developers.repository';
import { AdminOrganizationsController } from './organizations.admin.controller';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [AuditModule],
  controllers: [AdminOrganizationsController],
  providers: [OrganizationsRepository, OrganizationsService, DevelopersRepository],
  exports: [OrganizationsService, DevelopersRepository],
})
export class OrganizationsModule {}
