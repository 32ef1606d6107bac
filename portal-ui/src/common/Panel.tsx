import { Panel as WardenPanel, type PanelProps } from '@warden/web-common';

// The application page stacks its panels one per row, with more air under each title.
export const Panel = (props: PanelProps) => <WardenPanel headerGap={1.5} {...props} />;
