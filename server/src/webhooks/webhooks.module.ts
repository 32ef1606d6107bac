import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { QueueName } from '../common/queues';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Webhooks }), AuditModule],
  providers: [WebhooksService],
  exports: [WebhooksService],
})
export class WebhooksModule {}
