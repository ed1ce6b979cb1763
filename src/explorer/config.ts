/** What the explorer's page hands its script (a JSON script element); shared by the server and the browser code. */
export interface ExplorerConfig {
  /** where operations are posted */
  endpoint: string;
  /** the committed SDL, for when introspection is refused */
  schemaUrl: string;
  /** the embedded demo start's token, to a browser on this machine; null otherwise */
  demoToken: string | null;
  /** the example operations of schema/operations/, one tab each */
  tabs: { name: string; query: string; variables: string }[];
}
