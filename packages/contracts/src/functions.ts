import { z } from 'zod';

/** One Lambda function as GET /api/functions lists it (ListFunctions). */
export const LambdaFunctionSummary = z.object({
  name: z.string(),
  arn: z.string(),
  runtime: z.string().nullable(),
  description: z.string().nullable(),
  lastModified: z.string().nullable(),
});
export type LambdaFunctionSummary = z.infer<typeof LambdaFunctionSummary>;

/** GET /api/functions?region= — the Region's functions, by name; `truncated` when there were more. */
export const ListFunctionsResponse = z.object({
  functions: z.array(LambdaFunctionSummary),
  truncated: z.boolean(),
});
export type ListFunctionsResponse = z.infer<typeof ListFunctionsResponse>;
