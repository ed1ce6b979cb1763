import { DataSource } from 'typeorm';
import { APP_GROUP_ROLE } from '../../migrations/1764300000000-Tenancy';
import { withClient } from './client';

/** The login role the server uses when it derives its connection from DATABASE_URL (and in the embedded start). */
export const APP_LOGIN_ROLE = 'hvp_app';

const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';
const INVALID_PASSWORD = '28P01';
const INSUFFICIENT_PRIVILEGE = '42501';
const APPLICATION_NAME = 'hvp-backend-roles';

/** `url` with another user and password. */
export function withUser(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

async function canLogIn(url: string): Promise<boolean> {
  try {
    await withClient(url, async () => undefined, APPLICATION_NAME);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === INVALID_PASSWORD) return false;
    throw error;
  }
}

/**
 * Makes sure the login role `user` exists, is a member of hvp_app_access (created by the migrations) and logs in
 * with `password`; returns the URL to connect with. Roles are shared by every database of a server, and test files
 * migrate and start servers in parallel: creating is race-safe (a duplicate means another one won), and the password
 * is changed only when logging in with it fails.
 */
export async function ensureAppLoginRole(adminUrl: string, user: string, password: string): Promise<string> {
  const appUrl = withUser(adminUrl, user, password);
  await withClient(
    adminUrl,
    async (admin) => {
      const role = admin.escapeIdentifier(user);
      // normally made by the migrations; the login role may be wanted first (tests)
      try {
        await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_GROUP_ROLE}') THEN
                           CREATE ROLE ${APP_GROUP_ROLE} NOLOGIN; END IF; END $$`);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== DUPLICATE_OBJECT && code !== UNIQUE_VIOLATION && code !== INSUFFICIENT_PRIVILEGE) throw error;
      }
      const { rows } = await admin.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1`, [user]);
      if (rows.length === 0) {
        try {
          await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD ${admin.escapeLiteral(password)} IN ROLE ${APP_GROUP_ROLE}`);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === INSUFFICIENT_PRIVILEGE) {
            throw new Error(
              `cannot create the login role ${user}: create it once as a role with CREATEROLE ` +
                `(CREATE ROLE ${user} LOGIN PASSWORD '…' IN ROLE ${APP_GROUP_ROLE}) or set APP_DATABASE_URL`,
            );
          }
          if (code !== DUPLICATE_OBJECT && code !== UNIQUE_VIOLATION) throw error;
        }
      } else if (rows[0].rolsuper || rows[0].rolbypassrls) {
        throw new Error(`the role ${user} is a superuser or bypasses Row Level Security; the server must not query as it`);
      }
      const { rows: member } = await admin.query(`SELECT pg_has_role($1, $2, 'MEMBER') AS member`, [user, APP_GROUP_ROLE]);
      if (!member[0].member) {
        try {
          await admin.query(`GRANT ${APP_GROUP_ROLE} TO ${role}`);
        } catch (error) {
          if (![DUPLICATE_OBJECT, UNIQUE_VIOLATION].includes((error as { code?: string }).code ?? '')) throw error;
        }
      }
      if (!(await canLogIn(appUrl))) await admin.query(`ALTER ROLE ${role} PASSWORD ${admin.escapeLiteral(password)}`);
    },
    APPLICATION_NAME,
  );
  return appUrl;
}

/**
 * Refuses an application connection that Row Level Security would not hold for: a superuser, a role with
 * BYPASSRLS, or one that owns (or acts as the owner of) a table of the schema.
 */
export async function assertNotOwner(dataSource: DataSource): Promise<void> {
  const [role] = await dataSource.query(
    `SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass,
            EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind = 'r' AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owner
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  if (role.superuser || role.bypass || role.owner) {
    throw new Error(
      `the application connects as ${role.name}, which ${role.superuser ? 'is a superuser' : role.bypass ? 'bypasses Row Level Security' : 'owns the tables'}: ` +
        `Row Level Security would not hold. Connect as a member of ${APP_GROUP_ROLE} (APP_DATABASE_URL or APP_DATABASE_PASSWORD; see docs/operations.md, Configuration)`,
    );
  }
}
