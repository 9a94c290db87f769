import "@testing-library/jest-dom";

// A use case that queues a job (search sync, mail) starts a pg-boss sender in the test's
// process; stop it after each file so Jest can exit.
afterAll(async () => {
  const g = globalThis as unknown as { __inserviceBoss?: { started: Promise<{ stop(o: object): Promise<void> }> } };
  const state = g.__inserviceBoss;
  if (!state) return;
  g.__inserviceBoss = undefined;
  const boss = await state.started.catch(() => undefined);
  await boss?.stop({ graceful: false, wait: true });
});
