import winston from 'winston';

const SECRET_KEY = /pass(word)?|token|secret|authorization|cookie|api[-_]?key|hash/i;

/** Replaces values under secret-looking keys, however deep, so no log line carries credentials. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

const redactFormat = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (key === 'level' || key === 'message') continue;
    info[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(info[key]);
  }
  return info;
});

export type Logger = winston.Logger;

export function createLogger(options: {
  level: string;
  service: string;
  stream?: NodeJS.WritableStream;
}): Logger {
  const silent = options.level === 'silent';
  return winston.createLogger({
    level: silent ? 'error' : options.level,
    silent,
    defaultMeta: { service: options.service },
    format: winston.format.combine(winston.format.timestamp(), redactFormat(), winston.format.json()),
    transports: [
      options.stream
        ? new winston.transports.Stream({ stream: options.stream })
        : new winston.transports.Console({ stderrLevels: ['error'] }),
    ],
  });
}
