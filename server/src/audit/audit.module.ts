import { Module } from '@nestjs/common';
import { AdminAuditLogController } from './audit.admin.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Module({
  controllers: [AdminAuditLogController],
  providers: [AuditRepository, AuditService],
  exports: [AuditService],
})
export class AuditModule {}
