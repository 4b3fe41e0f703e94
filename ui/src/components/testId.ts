/** `data-testid` for props objects (antd's okButtonProps, menu items) whose types don't list data-* attributes. */
export const testId = (id: string): Record<string, string> => ({ "data-testid": id });
