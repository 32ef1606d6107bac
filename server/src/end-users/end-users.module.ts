import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { EndUserStatusStore } from './end-user-status.store';
import { EndUsersRepository } from './end-users.repository';
import { EndUsersService } from './end-users.service';

@Module({
  imports: [PoliciesModule, WebhooksModule],
  providers: [EndUsersRepository, EndUserStatusStore, EndUsersService],
  exports: [EndUsersService],
})
export class EndUsersModule {}
