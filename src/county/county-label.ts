import { Context } from '../graphql/context';
import { County } from './county';
import { countyLabelLoader, countyLoader } from './county.sql';

/**
 * The county a visible patent is attributed to. Usually a county of the caller's scope; for a patent seen because an
 * enterprise of the scope owns it, another county, named from county_label (code, name, parent: public) and marked
 * outside the scope, so that its county-wide fields answer FORBIDDEN (src/auth/guard.ts) instead of partial figures.
 */
export async function attributedCounty(ctx: Context, code: string): Promise<County> {
  const visible = await countyLoader(ctx).load(code);
  if (visible) return visible;
  const label = await countyLabelLoader(ctx).load(code);
  return { ...(label ?? { code, name: code, parentCode: null }), outsideScope: true };
}
