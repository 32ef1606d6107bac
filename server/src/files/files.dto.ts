import { FileRow } from './files.repository';

/** OpenAI's `OpenAIFile`. A stored file is always validated, hence `processed`. */
export interface OpenAiFile {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  status: 'processed';
}

export interface FileList {
  object: 'list';
  data: OpenAiFile[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

export function toOpenAiFile(row: FileRow): OpenAiFile {
  return {
    id: row.id,
    object: 'file',
    bytes: row.bytes,
    created_at: Math.floor(new Date(row.createdAt).getTime() / 1000),
    filename: row.filename,
    purpose: row.purpose,
    status: 'processed',
  };
}

export function toFileList(rows: FileRow[], limit: number): FileList {
  const page = rows.slice(0, limit).map(toOpenAiFile);
  return {
    object: 'list',
    data: page,
    first_id: page[0]?.id ?? null,
    last_id: page.at(-1)?.id ?? null,
    has_more: rows.length > limit,
  };
}
