import { DataSource } from 'typeorm';
import { APP_GROUP_ROLE } from '../../migrations/1764300000000-Tenancy';

/**
 * The role a command-line tool (import, export) takes in its transactions (RequestDatabaseOptions.role). The tools
 * connect as the owner; an owner that is a superuser (the embedded server's postgres, a DATABASE_URL as postgres)
 * bypasses Row Level Security, FORCE or not, and would see other counties and deleted records. Such a connection takes
 * the application's group role for its transactions, so the same policies hold as for the API. A plain owner is under
 * the policies already (FORCE): undefined.
 */
export async function commandRole(dataSource: DataSource): Promise<string | undefined> {
  const [me] = await dataSource.query(`SELECT rolsuper OR rolbypassrls AS bypasses FROM pg_roles WHERE rolname = current_user`);
  return me?.bypasses ? APP_GROUP_ROLE : undefined;
}
