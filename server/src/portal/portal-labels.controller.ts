import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApplicationsService } from '../applications/applications.service';
import { ResourceIdPipe } from '../common/resource-id.pipe';
import { PortalLabelResponse, toPortalLabelResponse } from '../feedback/feedback.dto';
import { FeedbackService } from '../feedback/feedback.service';
import { CurrentDeveloper, DeveloperAuthGuard } from './developer-auth.guard';
import { DeveloperPrincipal } from './developer-principal';

/** The labels on an application's calls (its own feedback, its end users', and staff verdict reviews), newest first. */
@ApiTags('portal')
@ApiBearerAuth()
@UseGuards(DeveloperAuthGuard)
@Controller('portal/applications/:id/labels')
export class PortalLabelsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly feedback: FeedbackService,
  ) {}

  @Get()
  async list(
    @CurrentDeveloper() developer: DeveloperPrincipal,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<PortalLabelResponse[]> {
    await this.applications.getOwn(developer.organizationId, id);
    return (await this.feedback.labelsOfApplication(id)).map(toPortalLabelResponse);
  }
}
