import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../common/queues';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Webhooks })],
  providers: [WebhooksService],
  exports: [WebhooksService],
})
export class WebhooksModule {}
