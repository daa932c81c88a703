import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { IMPORT_MAX_ROWS, type ImportSource } from '@teamflow/contracts/project-import-export';
import { AppError } from '../platform/errors';
import { isTrelloBoard, trelloBoardTable } from './trello-board';

/** A file as rows of cells under its header, whatever it came as (CSV, or a Trello board's JSON). */
export interface ImportTable {
  /** Set when the file's format decides it (a Trello board); CSV sources are detected from the headers. */
  source?: ImportSource;
  headers: string[];
  rows: string[][];
}

const tooManyRows = () =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `An import may hold at most ${IMPORT_MAX_ROWS.toLocaleString('en')} tasks`,
  );
const unreadable = (message: string) =>
  new AppError('VALIDATION_ERROR', message, [{ field: 'file', message }]);

async function firstCharacter(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()
      .charAt(0);
  } finally {
    await handle.close();
  }
}

/**
 * Reads an uploaded import: JSON must be a Trello board export (400 otherwise), anything else is
 * parsed as CSV, streamed, and stopped at the first row over the limit (413).
 */
export async function readImportFile(path: string): Promise<ImportTable> {
  const first = await firstCharacter(path);
  if (first === '') throw unreadable('The file is empty');
  if (first === '{' || first === '[') return readTrelloJson(path);
  return readCsv(path);
}

async function readTrelloJson(path: string): Promise<ImportTable> {
  let board: unknown;
  try {
    board = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch {
    throw unreadable('The file looks like JSON but could not be parsed');
  }
  if (!isTrelloBoard(board))
    throw unreadable(
      'This JSON file is not a Trello board export (Trello: board menu → Print, export and share → Export as JSON)',
    );
  const table = trelloBoardTable(board);
  if (table.rows.length > IMPORT_MAX_ROWS) throw tooManyRows();
  return table;
}

async function readCsv(path: string): Promise<ImportTable> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: false }),
  );
  const records: string[][] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      // The header row plus IMPORT_MAX_ROWS data rows are allowed.
      if (records.length > IMPORT_MAX_ROWS) {
        parser.destroy();
        throw tooManyRows();
      }
      records.push(record);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(`The CSV could not be read: ${(error as Error).message}`);
  }
  const [headers, ...rows] = records;
  if (!headers || headers.every((h) => h.trim() === '')) throw unreadable('The CSV has no header row');
  return { headers: headers.map((h) => h.trim()), rows };
}
