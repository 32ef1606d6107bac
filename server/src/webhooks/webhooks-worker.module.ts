import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../common/queues';
import { WebhooksModule } from './webhooks.module';
import { WebhooksProcessor } from './webhooks.processor';

@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Webhooks }), WebhooksModule],
  providers: [WebhooksProcessor],
})
export class WebhooksWorkerModule {}
