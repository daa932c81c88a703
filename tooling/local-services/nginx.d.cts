export interface LocalNginx {
  host: string;
  port: number;
  /** `http://host:port`: the api's address through the load balancer. */
  url: string;
  pid: number | undefined;
  /** The `host:port` of each api instance it balances over. */
  upstreams: string[];
  /** What nginx logged so far. */
  log(): string;
  close(): Promise<void>;
}

export function startNginx(options: {
  upstreams: string[];
  host?: string;
  port?: number;
  nginxPath?: string;
  timeoutMs?: number;
}): Promise<LocalNginx>;

export function findNginx(): string | undefined;
