import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApplicationsModule } from '../applications/applications.module';
import { AuditModule } from '../audit/audit.module';
import { FeedbackModule } from '../feedback/feedback.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { StaffModule } from '../staff/staff.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { DeveloperAuthGuard } from './developer-auth.guard';
import { PortalApplicationsController } from './portal-applications.controller';
import { PortalAuthController } from './portal-auth.controller';
import { PortalAuthService } from './portal-auth.service';
import { PortalKeysService } from './portal-keys.service';
import { PortalLabelsController } from './portal-labels.controller';
import { PortalWebhooksController } from './portal-webhooks.controller';
import { PortalResearchController } from './portal-research.controller';
import { ResearchGrantsModule } from '../research-grants/research-grants.module';
import { PortalTopicsController } from './portal-topics.controller';
import { TopicalityModule } from '../topicality/topicality.module';

/** The developer portal API, `/portal/*`. */
@Module({
  imports: [
    StaffModule,
    AuditModule,
    OrganizationsModule,
    ApplicationsModule,
    ApiKeysModule,
    WebhooksModule,
    FeedbackModule,
    ResearchGrantsModule,
    TopicalityModule,
  ],
  controllers: [
    PortalAuthController,
    PortalApplicationsController,
    PortalWebhooksController,
    PortalLabelsController,
    PortalResearchController,
    PortalTopicsController,
  ],
  providers: [PortalAuthService, PortalKeysService, DeveloperAuthGuard],
})
export class PortalModule {}
