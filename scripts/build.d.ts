/** Types of scripts/build.js (plain JavaScript, so that it runs before anything is built). */
export declare const STAMP: string;
export declare function isStale(): boolean;
export declare const SERVER_ENTRY: string;
export declare const CLI_ENTRY: string;
export declare function build(): Promise<boolean>;
