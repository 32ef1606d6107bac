import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { QueueName } from '../common/queues';
import { StaffModule } from '../staff/staff.module';
import { BiasRunQueue } from './bias-run.queue';
import { AdminBiasRunsController } from './bias.controller';
import { BiasRepository } from './bias.repository';
import { BiasService } from './bias.service';

/** Bias runs as staff and the operator CLI see them: start, list, show, compare, attach. Runs execute in the worker. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.BiasRuns }), ApplicationsModule, StaffModule],
  controllers: [AdminBiasRunsController],
  providers: [BiasRepository, BiasRunQueue, BiasService],
  exports: [BiasService],
})
export class BiasModule {}
