import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TrainingFormat } from './training-file';

export interface FileRow {
  id: string;
  organizationId: string;
  applicationId: string | null;
  purpose: string;
  filename: string;
  bytes: number;
  format: TrainingFormat | null;
  examples: number;
  createdAt: Date;
}

export interface NewFile {
  id: string;
  organizationId: string;
  applicationId: string;
  purpose: string;
  filename: string;
  content: Buffer;
  format: TrainingFormat;
  examples: number;
}

const COLUMNS = `id, organization_id AS "organizationId", application_id AS "applicationId", purpose, filename, bytes,
  format, examples, created_at AS "createdAt"`;

/** Files and their content, in Postgres: every api instance and worker reads the same bytes. */
@Injectable()
export class FilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(file: NewFile): Promise<FileRow> {
    const [row] = await this.dataSource.query(
      `INSERT INTO files (id, organization_id, application_id, purpose, filename, bytes, content, format, examples)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [
        file.id,
        file.organizationId,
        file.applicationId,
        file.purpose,
        file.filename,
        file.content.length,
        file.content,
        file.format,
        file.examples,
      ],
    );
    return row as FileRow;
  }

  async find(organizationId: string, id: string): Promise<FileRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM files WHERE id = $1 AND organization_id = $2 AND deleted_at IS NULL`,
      [id, organizationId],
    );
    return (row as FileRow | undefined) ?? null;
  }

  async content(id: string): Promise<Buffer | null> {
    const [row] = await this.dataSource.query(
      `SELECT content FROM files WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return (row as { content: Buffer } | undefined)?.content ?? null;
  }

  /** Newest first, `limit` + 1 rows so the caller knows whether there are more. */
  async list(
    organizationId: string,
    options: { purpose: string | null; after: string | null; limit: number; order: 'asc' | 'desc' },
  ): Promise<FileRow[]> {
    const direction = options.order === 'asc' ? 'ASC' : 'DESC';
    const comparison = options.order === 'asc' ? '>' : '<';
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM files f
       WHERE organization_id = $1 AND deleted_at IS NULL AND ($2::text IS NULL OR purpose = $2)
         AND ($3::text IS NULL OR (created_at, id) ${comparison}
           (SELECT created_at, id FROM files WHERE id = $3 AND organization_id = $1))
       ORDER BY created_at ${direction}, id ${direction} LIMIT $4`,
      [organizationId, options.purpose, options.after, options.limit + 1],
    );
  }

  /** Soft delete: jobs keep referring to the file; its bytes are dropped. */
  async delete(organizationId: string, id: string): Promise<boolean> {
    // For an UPDATE the pg driver answers [rows, affected count].
    const [, affected] = (await this.dataSource.query(
      `UPDATE files SET deleted_at = now(), content = ''::bytea
       WHERE id = $1 AND organization_id = $2 AND deleted_at IS NULL`,
      [id, organizationId],
    )) as [unknown[], number];
    return affected > 0;
  }
}
