import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { StaffAuthGuard } from '../staff/staff-auth.guard';
import { StaffModule } from '../staff/staff.module';
import { AdminAuthController } from './auth.controller';

/**
 * Staff authentication for the whole staff API: sign-in, and the guard that checks every route a domain marks
 * with @StaffApi / @RequirePermission (common/staff-access.ts). Each domain serves its own `/admin/*` resources.
 */
@Module({
  imports: [StaffModule],
  controllers: [AdminAuthController],
  providers: [{ provide: APP_GUARD, useClass: StaffAuthGuard }],
})
export class AdminModule {}
