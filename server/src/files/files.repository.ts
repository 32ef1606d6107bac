import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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

/** How much of a file's content one statement sends (see insert). */
const CONTENT_PART_BYTES = 1024 * 1024;

const COLUMNS = `id, organization_id AS "organizationId", application_id AS "applicationId", purpose, filename, bytes,
  format, examples, created_at AS "createdAt"`;

/** Files and their content, in Postgres: every api instance and worker reads the same bytes. */
@Injectable()
export class FilesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores a file. A large one is sent in parts into a large object and moved into its row inside Postgres: as one
   * statement parameter, the driver copied all of a 32 MiB file into its send buffer in one go, holding the event
   * loop about 0.15 s.
   */
  async insert(file: NewFile): Promise<FileRow> {
    if (file.content.length <= CONTENT_PART_BYTES) {
      return this.insertRow(this.dataSource.manager, file, '$7', file.content);
    }
    return this.dataSource.transaction(async (manager) => {
      const [{ oid }] = (await manager.query('SELECT lo_create(0) AS oid')) as Array<{ oid: number }>;
      for (let offset = 0; offset < file.content.length; offset += CONTENT_PART_BYTES) {
        await manager.query('SELECT lo_put($1, $2, $3)', [
          oid,
          offset,
          file.content.subarray(offset, offset + CONTENT_PART_BYTES),
        ]);
      }
      const row = await this.insertRow(manager, file, 'lo_get($7)', oid);
      await manager.query('SELECT lo_unlink($1)', [oid]);
      return row;
    });
  }

  private async insertRow(
    manager: EntityManager,
    file: NewFile,
    contentSql: string,
    contentParam: Buffer | number,
  ): Promise<FileRow> {
    const [row] = await manager.query(
      `INSERT INTO files (id, organization_id, application_id, purpose, filename, bytes, content, format, examples)
       VALUES ($1, $2, $3, $4, $5, $6, ${contentSql}, $8, $9) RETURNING ${COLUMNS}`,
      [
        file.id,
        file.organizationId,
        file.applicationId,
        file.purpose,
        file.filename,
        file.content.length,
        contentParam,
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

  /** A file's content whole; null when there is no such file. */
  async content(id: string): Promise<Buffer | null> {
    const parts = await this.contentParts(id);
    return parts && Buffer.concat(parts);
  }

  /**
   * A file's content in parts of at most CONTENT_PART_BYTES; null when there is no such file. A large file is copied
   * into a large object inside Postgres and read a part per statement: decoding all of a 32 MiB value in one answer
   * held the event loop about 0.6 s.
   */
  async contentParts(id: string): Promise<Buffer[] | null> {
    const [row] = (await this.dataSource.query(
      `SELECT octet_length(content) AS length FROM files WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    )) as Array<{ length: number | null }>;
    if (!row || row.length === null) return null;
    if (row.length <= CONTENT_PART_BYTES) {
      const [whole] = (await this.dataSource.query(
        `SELECT content FROM files WHERE id = $1 AND deleted_at IS NULL`,
        [id],
      )) as Array<{ content: Buffer | null }>;
      return whole?.content ? [whole.content] : null;
    }
    return this.dataSource.transaction(async (manager) => {
      // A file deleted since the first read has no content left: no large object is made.
      const [large] = (await manager.query(
        `SELECT lo_from_bytea(0, content) AS oid, octet_length(content) AS length
         FROM files WHERE id = $1 AND deleted_at IS NULL AND content IS NOT NULL`,
        [id],
      )) as Array<{ oid: number; length: number }>;
      if (!large) return null;
      const parts: Buffer[] = [];
      for (let offset = 0; offset < large.length; offset += CONTENT_PART_BYTES) {
        const [{ part }] = (await manager.query(`SELECT lo_get($1, $2, $3) AS part`, [
          large.oid,
          offset,
          CONTENT_PART_BYTES,
        ])) as Array<{ part: Buffer }>;
        parts.push(part);
      }
      await manager.query('SELECT lo_unlink($1)', [large.oid]);
      return parts;
    });
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
