import { Panel as WardenPanel, type PanelProps } from '@warden/web-common';

// The console's detail pages set panels side by side in grid rows.
export const Panel = (props: PanelProps) => <WardenPanel fillHeight {...props} />;
