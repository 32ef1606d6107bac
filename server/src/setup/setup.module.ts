import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApplicationsModule } from '../applications/applications.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { StaffModule } from '../staff/staff.module';
import { FirstRunService } from './first-run.service';

@Module({
  imports: [StaffModule, OrganizationsModule, ApplicationsModule, ApiKeysModule],
  providers: [FirstRunService],
  exports: [FirstRunService],
})
export class SetupModule {}
