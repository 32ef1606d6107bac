import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../common/queues';
import { ModerationModule } from '../moderation/moderation.module';
import { PoliciesModule } from '../policies/policies.module';
import { PolicyProposalsRepository } from './policy-proposals.repository';
import { PolicyReplaysProcessor } from './policy-replays.processor';
import { ShadowReplayer } from './shadow-replayer';

/**
 * The worker side of shadow replay: the checks (and the classifier) load here, so a replay never competes with
 * live traffic on the api.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.PolicyReplays }), ModerationModule, PoliciesModule],
  providers: [PolicyProposalsRepository, ShadowReplayer, PolicyReplaysProcessor],
})
export class CalibrationWorkerModule {}
