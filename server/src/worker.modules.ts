import { DynamicModule, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { BiasWorkerModule } from './bias/bias-worker.module';
import { CalibrationWorkerModule } from './calibration/calibration-worker.module';
import { ModelLoading, ModelLoadingModule } from './common/model-loading';
import { QueueModule } from './common/queue.module';
import { MonitoringWorkerModule } from './monitoring/monitoring-worker.module';
import { FineTuningWorkerModule } from './fine-tuning/fine-tuning-worker.module';
import { RequestLogsWorkerModule } from './request-logs/request-logs-worker.module';
import { WebhooksWorkerModule } from './webhooks/webhooks-worker.module';
import { infrastructure } from './infrastructure.modules';

/** The background process: BullMQ consumers; models load when a job first needs them. */
@Module({})
export class WorkerModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ...infrastructure(logger),
        ModelLoadingModule.forRoot(ModelLoading.OnFirstUse),
        QueueModule,
        RequestLogsWorkerModule,
        WebhooksWorkerModule,
        BiasWorkerModule,
        MonitoringWorkerModule,
        FineTuningWorkerModule,
        CalibrationWorkerModule,
      ],
    };
  }
}
