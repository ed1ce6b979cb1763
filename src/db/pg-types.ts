import { types } from 'pg';

// Calendar dates stay "YYYY-MM-DD" strings: a JS Date would drag a time zone into a day.
types.setTypeParser(types.builtins.DATE, (value) => value);
// count(*) and sum() of counts are bigint; ours fit in a JS number.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));
