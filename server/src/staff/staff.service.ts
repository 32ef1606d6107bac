import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { EntityManager } from 'typeorm';
import { StaffRole, StaffUserEntity } from './staff-user.entity';
import { StaffRepository } from './staff.repository';

@Injectable()
export class StaffService {
  constructor(private readonly repository: StaffRepository) {}

  async ensure(email: string, password: string, role: StaffRole, manager?: EntityManager): Promise<StaffUserEntity> {
    const existing = await this.repository.findByEmail(email, manager);
    if (existing) {
      return existing;
    }
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    return this.repository.create({ email, passwordHash, role }, manager);
  }
}
