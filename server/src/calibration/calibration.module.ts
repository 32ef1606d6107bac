import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AuditModule } from '../audit/audit.module';
import { QueueName } from '../common/queues';
import { PoliciesModule } from '../policies/policies.module';
import { AdminCalibrationsController, AdminPolicyProposalsController } from './calibration.controller';
import { CalibrationRepository } from './calibration.repository';
import { CalibrationService } from './calibration.service';
import { PolicyProposalsRepository } from './policy-proposals.repository';
import { PolicyProposalsService } from './policy-proposals.service';
import { PolicyReplayQueue } from './policy-replay.queue';

/** Calibration and policy proposals as staff see them; replays run in the worker (CalibrationWorkerModule). */
@Module({
  imports: [
    BullModule.registerQueue({ name: QueueName.PolicyReplays }),
    ApplicationsModule,
    AuditModule,
    PoliciesModule,
  ],
  controllers: [AdminCalibrationsController, AdminPolicyProposalsController],
  providers: [
    CalibrationRepository,
    CalibrationService,
    PolicyProposalsRepository,
    PolicyProposalsService,
    PolicyReplayQueue,
  ],
})
export class CalibrationModule {}
