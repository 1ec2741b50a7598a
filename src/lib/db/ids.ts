/** Random ids (UUID v4): records from several teammates' devices never collide when merged. */
export const newId = (): string => crypto.randomUUID();
