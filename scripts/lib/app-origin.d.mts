export function configuredAppOrigin(env?: Record<string, string | undefined>, tomlText?: string): string;
export function appOriginProblem(origin: string): string | null;
