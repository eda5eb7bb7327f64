/** The default JSON template: the whole Issue view model, 2-space indented, with a trailing newline. */
export const DEFAULT_JSON_TEMPLATE = `{{ issue | json: 2 }}
`;
