import { Client } from 'pg';

/** Runs `work` on a connection of its own to `url` (outside any pool), and closes it whatever happens. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>, applicationName?: string): Promise<T> {
  const client = new Client({ connectionString: url, ...(applicationName ? { application_name: applicationName } : {}) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
