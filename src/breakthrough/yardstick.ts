import { registerEnumType } from 'type-graphql';

/** Whose plan's breakthrough targets an enterprise is measured against (issue 15, the city's view). */
export enum Yardstick {
  OWN_PLAN = 'OWN_PLAN',
  PARENT_PLAN = 'PARENT_PLAN',
}

registerEnumType(Yardstick, {
  name: 'Yardstick',
  description: '对标口径: whose plan the targets come from',
  valuesConfig: {
    OWN_PLAN: { description: '本级规划: each enterprise or county against the plan in force in its own county' },
    PARENT_PLAN: {
      description:
        '上级规划: every enterprise or county against one plan — for a division with counties below it (重庆市 500000) its own plan, ' +
        "for a county without counties below it its parent's plan (so Chongqing's 5/3/2 applies to Dianjiang's enterprises)",
    },
  },
});
