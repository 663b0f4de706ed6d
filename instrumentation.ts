export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { guardForwardingHeaders } = await import("@/lib/server/forwarded-headers");
  guardForwardingHeaders(process.env.TRUSTED_PROXIES);
  const { bootstrap } = await import("@/lib/db/bootstrap");
  await bootstrap();
  const { startJobs } = await import("@/lib/jobs/start");
  await startJobs((line) => console.log(`[postmortems] ${line}`));
}
