import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@arc/shared/auth';
import type { Repository } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { UserEntity } from './entities/user.entity.js';
import { hashPassword } from '../common/auth/password.js';

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  password: string | undefined;
}

/**
 * On the first start (no users at all) creates an admin, a supervisor and an operator.
 * Their passwords come from DEMO_*_PASSWORD; a missing one is generated and printed once
 * to stdout, outside the structured log, and never again.
 */
@Injectable()
export class DemoUsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoUsersService.name);

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const wanted: DemoUser[] = [
      { username: 'admin', displayName: 'Demo Admin', role: 'admin', password: this.config.demoUsers.admin },
      {
        username: 'supervisor',
        displayName: 'Demo Supervisor',
        role: 'supervisor',
        password: this.config.demoUsers.supervisor,
      },
      {
        username: 'operator',
        displayName: 'Demo Operator',
        role: 'operator',
        password: this.config.demoUsers.operator,
      },
    ];
    const generated: string[] = [];
    for (const user of wanted) {
      const password = user.password ?? randomBytes(12).toString('base64url');
      if (!user.password) generated.push(`  ${user.username.padEnd(11)} ${password}`);
      // orIgnore: a second server process starting at the same moment must not fail.
      await this.users
        .createQueryBuilder()
        .insert()
        .values({
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          passwordHash: await hashPassword(password),
        })
        .orIgnore()
        .execute();
    }
    this.logger.log(`Created first users: ${wanted.map((u) => `${u.username} (${u.role})`).join(', ')}`);
    if (generated.length > 0) {
      process.stdout.write(
        `\nFirst start: generated passwords (shown once, change them):\n${generated.join('\n')}\n\n`,
      );
    }
  }
}
