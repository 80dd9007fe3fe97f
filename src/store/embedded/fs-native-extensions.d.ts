// The part of fs-native-extensions the data-folder lock uses; the package ships no types.
declare module 'fs-native-extensions' {
  const extensions: {
    /** True when the lock was granted; false when another open file holds it. */
    tryLock(fd: number, options?: { shared?: boolean }): boolean;
    unlock(fd: number): void;
  };
  export default extensions;
}
