import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNullableType,
  GraphQLSchema,
  isListType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_QUERY_LIMITS, QueryLimits } from '../config';
import { queryTooComplex } from './errors';
import { MAX_PAGE_SIZE } from './pagination';

export { DEFAULT_QUERY_LIMITS, type QueryLimits };

/** What a list without paging arguments (owners, memberships, indicators, counties, …) is taken to hold. */
export const LIST_SIZE_ESTIMATE = 10;

/**
 * The cost of a field: 1, plus the cost of its selection times the number of items it may return — `first` (or
 * `last`) of a connection, at most MAX_PAGE_SIZE (more is refused by the field itself as BAD_USER_INPUT), its default
 * when omitted; LIST_SIZE_ESTIMATE for any other list (but a connection's `edges`, its page); 1 for a single object.
 * So the cost is about the number of values an answer may hold; aggregates (indicators, counts, gaps) cost like any
 * field, and their repetition is bounded by the alias limit and the request's time budget.
 */
export function fieldCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const pageSize = [args.first, args.last].find((value): value is number => typeof value === 'number');
  let items = 1;
  if (pageSize !== undefined) items = Math.min(Math.max(pageSize, 0), MAX_PAGE_SIZE);
  // a connection's edges are its page, already counted on the connection's field
  else if (isListType(getNullableType(field.type)) && !isConnectionEdges(type.name, field.name)) items = LIST_SIZE_ESTIMATE;
  return 1 + items * childComplexity;
}

const isConnectionEdges = (typeName: string, fieldName: string) => typeName.endsWith('Connection') && fieldName === 'edges';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** Evaluated fields past which the cost is not computed (fragments spread over and over): refused as too costly. */
const MAX_COST_NODES = 20000;

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Depth, aliases and cost of the operation of a validated document (fragments expanded where they are spread;
 * introspection fields not counted: they are refused altogether unless introspection is on). Throws the errors of
 * graphql-query-complexity (e.g. variables that do not coerce, which execution would refuse anyway).
 */
export function analyzeOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): OperationMeasure {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) throw new Error(`no operation ${operationName ?? ''} in the document`);
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  let aliases = 0;
  let visited = 0;
  // validation has refused fragment cycles before this runs
  const depthOf = (selectionSet: SelectionSetNode | undefined): number => {
    let deepest = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (++visited > MAX_COST_NODES) throw queryTooComplex('cost', DEFAULT_QUERY_LIMITS.maxCost, null);
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION_FIELDS.has(selection.name.value)) continue;
        if (selection.alias) aliases++;
        deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet));
      } else {
        deepest = Math.max(deepest, depthOf(fragments.get(selection.name.value)?.selectionSet));
      }
    }
    return deepest;
  };
  const depth = depthOf(operation.selectionSet);
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables,
      operationName: operation.name?.value,
      estimators: [({ field, ...rest }) => (INTROSPECTION_FIELDS.has(field.name) ? 0 : fieldCost({ field, ...rest }))],
      maxQueryNodes: MAX_COST_NODES,
    });
  } catch (error) {
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) {
      throw queryTooComplex('cost', DEFAULT_QUERY_LIMITS.maxCost, null);
    }
    throw error;
  }
  return { depth, aliases, cost };
}

/**
 * analyzeOperation, remembered for the last few variable sets of a document: Apollo hands the same DocumentNode to
 * every request with the same text (its document cache), and a dashboard sends the same variables again and again.
 */
const measured = new WeakMap<DocumentNode, Map<string, OperationMeasure>>();
const MEASURES_PER_DOCUMENT = 8;

export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): OperationMeasure {
  const key = JSON.stringify([operationName ?? null, variables]);
  let known = measured.get(document);
  const cached = known?.get(key);
  if (cached) return cached;
  const measure = analyzeOperation(schema, document, variables, operationName);
  if (!known) measured.set(document, (known = new Map()));
  if (known.size >= MEASURES_PER_DOCUMENT) known.delete(known.keys().next().value!);
  if (key.length <= 4096) known.set(key, measure);
  return measure;
}

/** The first limit the measure exceeds, as the QUERY_TOO_COMPLEX error to answer (HTTP 400), or null. */
export function exceededLimit(measure: OperationMeasure, limits: QueryLimits) {
  if (measure.depth > limits.maxDepth) return queryTooComplex('depth', limits.maxDepth, measure.depth, measure.cost);
  if (measure.aliases > limits.maxAliases) return queryTooComplex('aliases', limits.maxAliases, measure.aliases, measure.cost);
  if (measure.cost > limits.maxCost) return queryTooComplex('cost', limits.maxCost, measure.cost, measure.cost);
  return null;
}

/** graphql-js's message when the parser stops at `maxTokens` (Apollo answers it as GRAPHQL_PARSE_FAILED; 16.x spells it "more that"). */
export const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/** The cost of the request's operation, once known (for the rate limit). */
export interface Costed {
  cost?: number;
}

/** What a request's cost is charged to, once known: throws to refuse it (RATE_LIMITED). */
export type ChargeCost<TContext> = (context: TContext, cost: number) => Promise<void>;

/**
 * Refuses, once the operation is resolved and before it executes, a document past a limit: QUERY_TOO_COMPLEX with
 * `limit`, `maximum`, `actual` and the computed `cost`, HTTP 400. The token limit is the parser's (Apollo's
 * parseOptions.maxTokens; formatError gives that refusal the same code). Records the cost on the context and charges
 * it (`charge`: the rate limit).
 */
export function queryLimitsPlugin<TContext extends Costed>(
  limits: QueryLimits,
  charge?: ChargeCost<TContext>,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          let measure: OperationMeasure;
          try {
            measure = measureOperation(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (error) {
            // variables that do not coerce: execution refuses them with its own error, before any field runs
            if (
              error instanceof Error &&
              'extensions' in error &&
              (error as { extensions: { code?: string } }).extensions.code === 'QUERY_TOO_COMPLEX'
            )
              throw error;
            return;
          }
          const refusal = exceededLimit(measure, limits);
          if (refusal) throw refusal;
          contextValue.cost = measure.cost;
          await charge?.(contextValue, measure.cost);
        },
      };
    },
  };
}
