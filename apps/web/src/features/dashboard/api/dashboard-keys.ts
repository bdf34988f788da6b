/** Query keys of the dashboard feature, generic to specific. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
};
