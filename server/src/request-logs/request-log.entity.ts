import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('request_logs')
export class RequestLogEntity {
  @PrimaryColumn({ name: 'request_id', type: 'text' })
  requestId!: string;

  @PrimaryColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'text' })
  endpoint!: string;

  @Column({ name: 'api_key_id', type: 'uuid', nullable: true })
  apiKeyId!: string | null;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  applicationId!: string | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ name: 'end_user', type: 'text', nullable: true })
  endUser!: string | null;

  @Column({ type: 'text', nullable: true })
  model!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  prompt!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  output!: unknown;

  @Column({ type: 'boolean', default: false })
  stream!: boolean;

  @Column({ name: 'status_code', type: 'int' })
  statusCode!: number;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'finish_reasons', type: 'text', array: true, nullable: true })
  finishReasons!: string[] | null;

  @Column({ name: 'prompt_tokens', type: 'int', nullable: true })
  promptTokens!: number | null;

  @Column({ name: 'completion_tokens', type: 'int', nullable: true })
  completionTokens!: number | null;

  @Column({ name: 'latency_ms', type: 'double precision' })
  latencyMs!: number;

  @Column({ name: 'time_to_first_token_ms', type: 'double precision', nullable: true })
  timeToFirstTokenMs!: number | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  verdicts!: unknown;

  @Column({ name: 'client_ip', type: 'text', nullable: true })
  clientIp!: string | null;
}
