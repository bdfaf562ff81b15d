// GENERATED from libs/adapters/http/openapi.json by web/scripts/api-types.mjs (openapi-typescript).
// Do not edit: change openapi.json, then run `npm run api:types`.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and store check */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            time: string;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/plain exposition format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                403: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sectors (十三大重点领域 + 燃气 + 危险废物) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sector"][];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in; sets the cs_session cookie (and returns a bearer token when token=true)
         * @description One answer (401) for an unknown name, a wrong password and a disabled account. Failures are counted per client address and per account from that address; past the allowance each further failure doubles the wait (429 with Retry-After). A success ends the session the caller presented and starts a new one. Refused (403) from another origin.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Login"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expires_at: string;
                            user: components["schemas"]["User"];
                            token?: string;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                429: components["responses"]["Problem"];
                503: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the current session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current user with organisation and permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created_at: string;
                            disabled: boolean;
                            display_name: string;
                            id: number;
                            org_id: number;
                            org_kind: string;
                            org_name: string;
                            permissions: string[];
                            roles: string[];
                            updated_at: string;
                            username: string;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login-activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Client addresses and accounts with recent failed logins and their current wait (platform administrators) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                address: string;
                                blocked_until: string | null;
                                failures: number;
                                last_failure: string;
                                username: string | null;
                            }[];
                        };
                    };
                };
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organisations in scope */
        get: {
            parameters: {
                query?: {
                    limit?: components["parameters"]["limit"];
                    cursor?: components["parameters"]["cursor"];
                    kind?: string;
                    parent_id?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Organisation"][];
                            /** @description Pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        /** Create an organisation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OrgDraft"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organisation"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organisation"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an organisation */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OrgPatch"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organisation"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users in scope */
        get: {
            parameters: {
                query?: {
                    limit?: components["parameters"]["limit"];
                    cursor?: components["parameters"]["cursor"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                            /** @description Pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        /** Create a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UserDraft"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change display name, roles, or disable */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UserPatch"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password (ends the user's sessions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Password"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/revoke-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revoked: number;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit records in scope, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: components["parameters"]["limit"];
                    cursor?: components["parameters"]["cursor"];
                    entity?: string;
                    entity_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditRecord"][];
                            /** @description Pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the audit log: the keyed chain, the signed checkpoints and the audited rows */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checked: number;
                            checkpoints: number;
                            ok: boolean;
                            rows_checked: number;
                            rows_unchecked: number;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/basemap/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Basemap source, extent and centre */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attribution: string;
                            bbox: number[];
                            center: number[];
                            features: number;
                            source: string;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/basemap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Basemap features as GeoJSON */
        get: {
            parameters: {
                query?: {
                    /** @description minlon,minlat,maxlon,maxlat (WGS-84) */
                    bbox?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/geo+json": {
                            /** @enum {string} */
                            type: "FeatureCollection";
                            features: components["schemas"]["Feature"][];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live channel: WebSocket of domain events in the caller's scope */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Switching to WebSocket */
                101: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                401: components["responses"]["Problem"];
                426: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Risk points in scope */
        get: {
            parameters: {
                query?: {
                    limit?: components["parameters"]["limit"];
                    cursor?: components["parameters"]["cursor"];
                    /** @description wgs84 (default) or gcj02 */
                    crs?: string;
                    /** @description minlon,minlat,maxlon,maxlat */
                    bbox?: string;
                    /** @description sector code */
                    sector?: string;
                    org_id?: number;
                    /** @description red,orange,yellow,blue (comma-separated) */
                    colour?: string;
                    /** @description risk point kinds (comma-separated) */
                    kind?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RiskPoint"][];
                            /** @description Pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        /** Register a risk point */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RiskPointDraft"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskPoint"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/points/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One risk point with its latest assessment */
        get: {
            parameters: {
                query?: {
                    /** @description wgs84 (default) or gcj02 */
                    crs?: string;
                };
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskPoint"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a risk point */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RiskPointPatch"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskPoint"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        trace?: never;
    };
    "/api/v1/risk/points/{id}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assessment history, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assessed_at: string;
                                assessor: string;
                                basis: string;
                                colour: string;
                                due_at: string;
                                hazard_grade: unknown;
                                id: number;
                                inputs: {
                                    c: number;
                                    e: number;
                                    l: number;
                                };
                                level: string;
                                method: string;
                                result: {
                                    band: string;
                                    colour: string;
                                    level: string;
                                    value: number;
                                };
                                risk_point_id: number;
                                value: number;
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        /** Assess and keep (LEC, LS or GB 18218) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AssessmentRequest"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assessed_at: string;
                            assessor: string;
                            basis: string;
                            colour: string;
                            due_at: string;
                            hazard_grade: unknown;
                            id: number;
                            inputs: {
                                l: number;
                                s: number;
                            };
                            level: string;
                            method: string;
                            result: {
                                colour: string;
                                level: string;
                                value: number;
                            };
                            risk_point_id: number;
                            value: number;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/assess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compute an assessment without keeping it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AssessmentRequest"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            band?: string;
                            colour: string;
                            level: string;
                            method: string;
                            value: number;
                            alpha?: number;
                            grade?: number;
                            grade_label?: string;
                            is_major_hazard?: boolean;
                            r?: number;
                            s?: number;
                            terms?: {
                                beta: number;
                                beta_source: string;
                                critical_q: number;
                                critical_source: string;
                                q: number;
                                ratio: number;
                                substance: string;
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/points/{id}/exposure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Vulnerable targets and people within distances */
        get: {
            parameters: {
                query?: {
                    /** @description metres, comma-separated (default 500,1000) */
                    radii?: string;
                };
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            radii: {
                                people: number;
                                radius_m: number;
                                targets: {
                                    capacity: number;
                                    distance_m: number;
                                    id: number | null;
                                    kind: string;
                                    name: string | null;
                                }[];
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/lists/{list}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The three lists: major_risks, major_hazard_sources, vulnerable_targets */
        get: {
            parameters: {
                query?: {
                    limit?: components["parameters"]["limit"];
                    cursor?: components["parameters"]["cursor"];
                    /** @description wgs84 (default) or gcj02 */
                    crs?: string;
                    /** @description json (default), csv or geojson */
                    format?: string;
                    /** @description minlon,minlat,maxlon,maxlat */
                    bbox?: string;
                    /** @description sector code */
                    sector?: string;
                    org_id?: number;
                    /** @description red,orange,yellow,blue (comma-separated) */
                    colour?: string;
                    /** @description risk point kinds (comma-separated) */
                    kind?: string;
                };
                header?: never;
                path: {
                    list: "major_risks" | "major_hazard_sources" | "vulnerable_targets";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                blue: number;
                                orange: number;
                                red: number;
                                total: number;
                                unassessed: number;
                                yellow: number;
                            };
                            items: components["schemas"]["RiskPoint"][];
                            next_cursor: unknown;
                        };
                        "application/geo+json": {
                            /** @enum {string} */
                            type: "FeatureCollection";
                            features: components["schemas"]["Feature"][];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Risk points as GeoJSON for the four-colour map */
        get: {
            parameters: {
                query?: {
                    /** @description minlon,minlat,maxlon,maxlat */
                    bbox?: string;
                    /** @description sector code */
                    sector?: string;
                    org_id?: number;
                    /** @description red,orange,yellow,blue (comma-separated) */
                    colour?: string;
                    /** @description risk point kinds (comma-separated) */
                    kind?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/geo+json": {
                            /** @enum {string} */
                            type: "FeatureCollection";
                            features: components["schemas"]["Feature"][];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/aggregate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts by colour per area or per grid cell */
        get: {
            parameters: {
                query?: {
                    /** @description area or grid */
                    by?: string;
                    cell?: number;
                    /** @description minlon,minlat,maxlon,maxlat */
                    bbox?: string;
                    /** @description sector code */
                    sector?: string;
                    org_id?: number;
                    /** @description red,orange,yellow,blue (comma-separated) */
                    colour?: string;
                    /** @description risk point kinds (comma-separated) */
                    kind?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            by: "area";
                            items: {
                                org_id: number;
                                name: string;
                                total: number;
                                counts: {
                                    red: number;
                                    orange: number;
                                    yellow: number;
                                    blue: number;
                                    unassessed: number;
                                    total: number;
                                };
                                geometry: components["schemas"]["Geometry"] | null;
                            }[];
                        } | {
                            features: {
                                geometry: components["schemas"]["Geometry"];
                                properties: {
                                    blue: number;
                                    cell_m: number;
                                    orange: number;
                                    red: number;
                                    total: number;
                                    unassessed: number;
                                    worst: string | null;
                                    yellow: number;
                                };
                                type: string;
                            }[];
                            type: string;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/safety-index": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The area safety index per street, with its formula and weights */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            formula: string;
                            items: {
                                counts: {
                                    blue: number;
                                    orange: number;
                                    red: number;
                                    total: number;
                                    unassessed: number;
                                    yellow: number;
                                };
                                index: number;
                                load: number;
                                major_hazard_sources: {
                                    1: number;
                                    2: number;
                                    3: number;
                                    4: number;
                                };
                                name: string;
                                org_id: number;
                            }[];
                            weights: {
                                blue: number;
                                grade_1: number;
                                grade_2: number;
                                grade_3: number;
                                grade_4: number;
                                orange: number;
                                red: number;
                                scale: number;
                                yellow: number;
                            };
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/gb18218/substances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GB 18218-2018 Table 1 chemicals, Table 2/4 categories and Table 3 toxic gases */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categories: {
                                beta: number;
                                category: string;
                                critical_t: number;
                                description: string;
                                symbol: string;
                            }[];
                            chemicals: {
                                alias: string;
                                cas: string;
                                critical_t: number;
                                name: string;
                            }[];
                            toxic_gases: {
                                beta: number;
                                cas: string;
                                name: string;
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import risk points from CSV (UTF-8 or GBK) or GeoJSON, with a report per row */
        post: {
            parameters: {
                query?: {
                    /** @description csv (default) or geojson */
                    format?: string;
                    /** @description utf-8 (default) or gbk */
                    encoding?: string;
                    /** @description wgs84 (default) or gcj02 */
                    crs?: string;
                    /** @description false (default): any failing row imports nothing; true: import the good rows */
                    keep_good_rows?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                    "application/geo+json": Record<string, never>;
                };
            };
            responses: {
                /** @description imported */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: number;
                            failed: number;
                            committed: boolean;
                            problems: {
                                line: number;
                                field: string;
                                reason: string;
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hazards in scope, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: components["parameters"]["limit"];
                    cursor?: components["parameters"]["cursor"];
                    /** @description states, comma-separated */
                    state?: string;
                    /** @description general or major */
                    grade?: string;
                    /** @description hazard source */
                    source?: string;
                    /** @description sector code */
                    sector?: string;
                    /** @description within this organisation */
                    org_id?: number;
                    /** @description assigned to */
                    responsible_org_id?: number;
                    /** @description true: past the deadline */
                    overdue?: string;
                    /** @description true: listed for supervision */
                    supervised?: string;
                    /** @description district, city or province */
                    tier?: string;
                    /** @description text in code, title or description */
                    q?: string;
                    /** @description minlon,minlat,maxlon,maxlat */
                    bbox?: string;
                    /** @description found on or after (date) */
                    from?: string;
                    /** @description found on or before (date) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Hazard"][];
                            /** @description Pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        /** Report a hazard */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["HazardDraft"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Hazard"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hazards per state */
        get: {
            parameters: {
                query?: {
                    /** @description states, comma-separated */
                    state?: string;
                    /** @description general or major */
                    grade?: string;
                    /** @description hazard source */
                    source?: string;
                    /** @description sector code */
                    sector?: string;
                    /** @description within this organisation */
                    org_id?: number;
                    /** @description assigned to */
                    responsible_org_id?: number;
                    /** @description true: past the deadline */
                    overdue?: string;
                    /** @description true: listed for supervision */
                    supervised?: string;
                    /** @description district, city or province */
                    tier?: string;
                    /** @description text in code, title or description */
                    q?: string;
                    /** @description minlon,minlat,maxlon,maxlat */
                    bbox?: string;
                    /** @description found on or after (date) */
                    from?: string;
                    /** @description found on or before (date) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            by_state: {
                                [key: string]: number;
                            };
                            overdue: number;
                            total: number;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One hazard with the caller's allowed actions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Hazard"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a hazard along the loop */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["HazardAction"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Hazard"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every transition and note, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actor: string;
                                at: string;
                                deadline: string | null;
                                from: string;
                                id: number;
                                media_ids: number[];
                                note: string;
                                to: string;
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/{id}/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Photos and videos of a hazard */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                bytes: number;
                                content_type: string;
                                file_name: string;
                                hazard_id: number;
                                height: number;
                                id: number;
                                stage: string;
                                thumbnail_url: string;
                                uploaded_at: string;
                                url: string;
                                width: number;
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        /** Upload a photo or video (raw body) */
        post: {
            parameters: {
                query?: {
                    /** @description report, progress, evidence or verification */
                    stage?: string;
                    /** @description file name */
                    name?: string;
                };
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/octet-stream": string;
                    "image/*": string;
                    "video/*": string;
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bytes: number;
                            content_type: string;
                            file_name: string;
                            hazard_id: number;
                            height: number;
                            id: number;
                            stage: string;
                            thumbnail_url: string;
                            uploaded_at: string;
                            url: string;
                            width: number;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazard-media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The bytes of a photo or video */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazard-media/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A photo's JPEG thumbnail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": string;
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/{id}/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Extension requests of a hazard */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                decided_at: string | null;
                                decided_by: string | null;
                                decision_note: string;
                                hazard_id: number;
                                id: number;
                                previous_deadline: string;
                                reason: string;
                                requested_at: string;
                                requested_by: string;
                                requested_deadline: string;
                                state: string;
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        /** Ask for a later deadline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["HazardExtensionRequest"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decided_at: unknown;
                            decided_by: unknown;
                            decision_note: string;
                            hazard_id: number;
                            id: number;
                            previous_deadline: string;
                            reason: string;
                            requested_at: string;
                            requested_by: string;
                            requested_deadline: string;
                            state: string;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazard-extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending extension requests in scope */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                decided_at: unknown;
                                decided_by: unknown;
                                decision_note: string;
                                hazard_code: string;
                                hazard_id: number;
                                hazard_title: string;
                                id: number;
                                previous_deadline: string;
                                reason: string;
                                requested_at: string;
                                requested_by: string;
                                requested_deadline: string;
                                state: string;
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazard-extensions/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant or refuse an extension */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["HazardExtensionDecision"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decided_at: string;
                            decided_by: string;
                            decision_note: string;
                            hazard_id: number;
                            id: number;
                            previous_deadline: string;
                            reason: string;
                            requested_at: string;
                            requested_by: string;
                            requested_deadline: string;
                            state: string;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazard-supervision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hazards under graded supervision (挂牌督办) */
        get: {
            parameters: {
                query?: {
                    /** @description true: listed, false: delisted */
                    active?: string;
                    /** @description district, city or province */
                    tier?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Hazard"][];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazard-stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Found, closed, closure and on-time rates, overdue, days to close */
        get: {
            parameters: {
                query?: {
                    /** @description date */
                    from?: string;
                    /** @description date */
                    to?: string;
                    /** @description organisation */
                    org_id?: number;
                    /** @description sector code */
                    sector?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            by_grade: {
                                [key: string]: {
                                    avg_days_to_close: number;
                                    closed: number;
                                    closed_on_time: number;
                                    closure_rate: number;
                                    found: number;
                                    on_time_rate: number;
                                    open: number;
                                    overdue_now: number;
                                };
                            };
                            by_source: {
                                [key: string]: {
                                    avg_days_to_close: number;
                                    closed: number;
                                    closed_on_time: number;
                                    closure_rate: number;
                                    found: number;
                                    on_time_rate: number;
                                    open: number;
                                    overdue_now: number;
                                };
                            };
                            total: {
                                avg_days_to_close: number;
                                closed: number;
                                closed_on_time: number;
                                closure_rate: number;
                                found: number;
                                on_time_rate: number;
                                open: number;
                                overdue_now: number;
                            };
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazard-stats/ranking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Streets or departments ranked */
        get: {
            parameters: {
                query?: {
                    /** @description street or department */
                    by?: string;
                    /** @description date */
                    from?: string;
                    /** @description date */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                avg_days_to_close: number;
                                closed: number;
                                closed_on_time: number;
                                closure_rate: number;
                                found: number;
                                name: string;
                                on_time_rate: number;
                                open: number;
                                org_id: number;
                                overdue_now: number;
                                rank: number;
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notices to the caller's organisation */
        get: {
            parameters: {
                query?: {
                    /** @description true: unread only */
                    unread?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                at: string;
                                hazard_id: number;
                                id: number;
                                kind: string;
                                message: string;
                                read_at: unknown;
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notice read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazard-calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Holidays and make-up workdays of a year */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            holidays: {
                                date: string;
                                name: string;
                            }[];
                            loaded: boolean;
                            workdays: {
                                date: string;
                                name: string;
                            }[];
                            year: number;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        /** Load a year's holidays and make-up workdays */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["HazardCalendar"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            holidays: {
                                date: string;
                                name: string;
                            }[];
                            loaded: boolean;
                            workdays: unknown[];
                            year: number;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazard-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deadline rules, milestones and escalation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            escalation: {
                                due_soon_days: number;
                                general_city_after_days: number;
                                general_province_after_days: number;
                                major_city_after_days: number;
                                major_province_after_days: number;
                            };
                            major_milestones: {
                                name: string;
                                working_days: number;
                            }[];
                            rules: {
                                basis: string;
                                day_count: string;
                                default_days: number;
                                grade: string | null;
                                max_days: number;
                                source: string | null;
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        /** Change the deadline policy */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["HazardPolicy"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            escalation: {
                                due_soon_days: number;
                                general_city_after_days: number;
                                general_province_after_days: number;
                                major_city_after_days: number;
                                major_province_after_days: number;
                            };
                            major_milestones: {
                                name: string;
                                working_days: number;
                            }[];
                            rules: {
                                basis: string;
                                day_count: string;
                                default_days: number;
                                grade: string | null;
                                max_days: number;
                                source: string | null;
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hazards/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a hazard ledger (CSV or .xlsx) */
        post: {
            parameters: {
                query?: {
                    /** @description csv or xlsx */
                    format?: string;
                    /** @description utf-8 or gbk */
                    encoding?: string;
                    /** @description true or false */
                    keep_good_rows?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            committed: boolean;
                            failed: number;
                            imported: number;
                            problems: {
                                field: string;
                                line: number;
                                reason: string;
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/tips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a hazard without logging in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PublicTip"];
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            hazard_code: string;
                            state: string;
                            tracking_code: string;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                429: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/tips/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tip's progress by its tracking code */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            hazard_code: string;
                            outcome: string;
                            reported_at: string;
                            state: string;
                            steps: {
                                action: string;
                                at: string;
                                state: string;
                            }[];
                            updated_at: string;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/tips/{code}/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a photo to a tip */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/octet-stream": string;
                    "image/*": string;
                    "video/*": string;
                };
            };
            responses: {
                /** @description OK */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bytes: number;
                            content_type: string;
                            id: number;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List devices in scope */
        get: {
            parameters: {
                query?: {
                    limit?: components["parameters"]["limit"];
                    cursor?: components["parameters"]["cursor"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Device"][];
                            /** @description Pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        /** Register a device */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DeviceInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Device"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One device */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Device"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        /** Change a device */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DeviceInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Device"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sensors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List sensors in scope with their state */
        get: {
            parameters: {
                query?: {
                    limit?: components["parameters"]["limit"];
                    cursor?: components["parameters"]["cursor"];
                    /** @description sensor type */
                    type?: string;
                    /** @description active, maintenance, retired */
                    status?: string;
                    device_id?: number;
                    risk_point_id?: number;
                    /** @description minlon,minlat,maxlon,maxlat */
                    bbox?: string;
                    /** @description text in code or name */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Sensor"][];
                            /** @description Pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        /** Register a sensor */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SensorInput"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sensor"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sensors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sensor */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sensor"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        /** Change a sensor */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SensorInput"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Sensor"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sensors/{id}/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rules a sensor runs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                direction: string;
                                fault_level: string;
                                flat_count: number;
                                for_ms: number;
                                hysteresis: number;
                                kind: string;
                                name: string;
                                rate_unit_ms: number;
                                repeat_count: number;
                                repeat_window_ms: number;
                                stale_ms: number;
                                thresholds: {
                                    blue: unknown;
                                    orange: number | null;
                                    red: number | null;
                                    yellow: unknown;
                                };
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sensors/{id}/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readings or aggregates for a chart */
        get: {
            parameters: {
                query?: {
                    /** @description raw, minute or hour */
                    resolution?: string;
                    /** @description ISO-8601 */
                    from?: string;
                    /** @description ISO-8601 */
                    to?: string;
                    /** @description up to 20000 */
                    limit?: number;
                };
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Series"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sensor-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sensor types, units and rules */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                default_rules: {
                                    "%LEL"?: string;
                                    "%vol"?: string;
                                    MPa?: string;
                                    kPa?: string;
                                    "L/s"?: string;
                                    "m3/h"?: string;
                                    cm?: string;
                                    m?: string;
                                    "\u00B0C"?: string;
                                    "\u00B5\u03B5"?: string;
                                    mm?: string;
                                    "\u00B0"?: string;
                                    g?: string;
                                    "mm/s"?: string;
                                    ppm?: string;
                                };
                                rules: string;
                                type: string;
                                units: string[];
                            }[];
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sensor-types/{type}/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the rules of a sensor type (city administrators) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TypeRules"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rules: string;
                            type: string;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/readings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Push readings (gateways); acknowledged once durable */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Readings"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IngestTally"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitoring/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This node's ingestion counters */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            engine_bytes: number;
                            sensors_loaded: number;
                            totals: {
                                accepted: number;
                                alarms_changed: number;
                                duplicate: number;
                                malformed: number;
                                not_finite: number;
                                out_of_order: number;
                                out_of_window: number;
                                stored: number;
                                unknown_sensor: number;
                            };
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/monitoring/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alarm handling and device online figures */
        get: {
            parameters: {
                query?: {
                    org_id?: number;
                    sector?: string;
                    /** @description ISO-8601 */
                    from?: string;
                    /** @description ISO-8601 */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlarmFigures"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alarms in scope, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: components["parameters"]["limit"];
                    cursor?: components["parameters"]["cursor"];
                    /** @description comma list */
                    state?: string;
                    min_level?: string;
                    sensor_id?: number;
                    site?: string;
                    org_id?: number;
                    sector?: string;
                    /** @description ISO-8601 */
                    from?: string;
                    /** @description ISO-8601 */
                    to?: string;
                    /** @description true or false */
                    cleared?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Alarm"][];
                            /** @description Pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alarm */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alarm"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge, handle or close an alarm */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AlarmAction"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Alarm"];
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
                413: components["responses"]["Problem"];
                415: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/hazard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a hazard from an alarm */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            id: number;
                            state: string;
                        };
                    };
                };
                400: components["responses"]["Problem"];
                401: components["responses"]["Problem"];
                403: components["responses"]["Problem"];
                404: components["responses"]["Problem"];
                409: components["responses"]["Problem"];
                "5XX": components["responses"]["ServerError"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            field?: string;
            committed?: boolean;
            failed?: number;
            imported?: number;
            problems?: {
                field: string;
                line: number;
                reason: string;
            }[];
        };
        Sector: {
            code: string;
            name_zh: string;
            name_en: string;
        };
        Login: {
            username: string;
            password: string;
            token?: boolean;
        };
        GeoPoint: {
            lon: number;
            lat: number;
        };
        OrgDraft: {
            name: string;
            /** @enum {string} */
            kind: "city" | "district" | "street" | "community" | "enterprise" | "department";
            parent_id?: number;
            /** @description GB 32100-2015 unified social credit code (enterprises) */
            credit_code?: string;
            sectors?: string[];
            address?: string;
            location?: components["schemas"]["GeoPoint"];
        };
        OrgPatch: {
            name?: string;
            address?: string;
            sectors?: string[];
            location?: components["schemas"]["GeoPoint"];
        };
        Organisation: {
            id: number;
            parent_id: number | null;
            kind: string;
            name: string;
            path: string;
            credit_code: string | null;
            sectors: string[];
            address: string;
            location: components["schemas"]["GeoPoint"] | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        UserDraft: {
            username: string;
            display_name: string;
            org_id: number;
            roles: ("admin" | "leader" | "duty_officer" | "department_officer" | "street_officer" | "inspector" | "enterprise_manager")[];
            password: string;
        };
        UserPatch: {
            display_name?: string;
            roles?: string[];
            disabled?: boolean;
        };
        Password: {
            password: string;
        };
        User: {
            id: number;
            username: string;
            display_name: string;
            org_id: number;
            roles: string[];
            disabled: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description GeoJSON Point, LineString or Polygon */
        Geometry: {
            /** @enum {string} */
            type: "Point" | "LineString" | "Polygon";
            /** @description GeoJSON positions: [lon, lat] for a Point, nested arrays of them for a LineString or Polygon */
            coordinates: unknown[];
        };
        RiskPointDraft: {
            name: string;
            /** @enum {string} */
            kind: "enterprise_unit" | "public_place" | "construction_site" | "gas_pipeline" | "water_main" | "drainage" | "bridge" | "tunnel" | "utility_tunnel" | "elevator" | "geological_hazard" | "waterlogging" | "school" | "kindergarten" | "hospital" | "elderly_home" | "crowded_place";
            sector: string;
            org_id: number;
            enterprise_id?: number;
            geometry: components["schemas"]["Geometry"];
            capacity?: number;
            /** @enum {string} */
            crs?: "wgs84" | "gcj02";
        };
        RiskPointPatch: {
            name?: string;
            sector?: string;
            geometry?: components["schemas"]["Geometry"];
            capacity?: number;
            crs?: string;
        };
        AssessmentRequest: {
            /** @enum {string} */
            method: "lec" | "ls" | "gb18218";
            /** @enum {string} */
            basis?: "inherent" | "residual";
            /** @description lec: {l,e,c}; ls: {l,s}; gb18218: {substances:[{name|cas, quantity_t, category?}], people_500m?} */
            inputs: Record<string, never>;
        };
        RiskPoint: {
            id: number;
            code: string;
            name: string;
            kind: string;
            sector: string;
            org_id: number;
            enterprise_id: number | null;
            geometry: components["schemas"]["Geometry"];
            capacity: number;
            colour: string | null;
            level: string | null;
            hazard_grade: number | null;
            latest: {
                assessed_at: string;
                basis: string;
                colour: string;
                due_at: string;
                level: string;
                method: string;
                value: number;
            } | null;
            created_at: string;
            kind_zh: string;
            updated_at: string;
            vulnerable_target: boolean;
            people_1000m?: number;
            people_500m?: number;
        };
        /** @description A hidden hazard; see docs/hazards.md */
        Hazard: {
            id: number;
            code: string;
            title: string;
            description: string;
            /** @enum {string} */
            source: "self_inspection" | "grid_inspection" | "department_inspection" | "enforcement_check" | "expert_check" | "public_tip" | "undercover_exposure" | "online_monitoring";
            /** @enum {string} */
            grade: "general" | "major";
            /** @enum {string} */
            state: "reported" | "rejected" | "accepted" | "assigned" | "rectifying" | "submitted" | "closed";
            sector: string;
            org_id: number;
            org_name: string;
            responsible_org_id: number | null;
            responsible_org_name: string | null;
            risk_point_id: unknown;
            location: components["schemas"]["GeoPoint"];
            address: string;
            found_by_name: string;
            found_at: string;
            reported_at: string;
            assigned_at: string | null;
            deadline: string | null;
            original_deadline: string | null;
            deadline_basis: string;
            due_soon: boolean;
            overdue: boolean;
            overdue_days: number;
            submitted_at: string | null;
            closed_at: string | null;
            closed_on_time: boolean | null;
            supervision: {
                delisted_at: string | null;
                listed_at: string;
                reason: string;
                /** @enum {string} */
                tier: "district" | "city" | "province";
            } | null;
            reopen_count: number;
            external_code: string;
            updated_at: string;
            milestones: {
                due: string;
                name: string;
                working_days: number;
            }[];
            allowed_actions: string[];
            tip_contact: string | null;
        };
        HazardDraft: {
            title?: string;
            description: string;
            /** @enum {string} */
            source: "self_inspection" | "grid_inspection" | "department_inspection" | "enforcement_check" | "expert_check" | "public_tip" | "undercover_exposure";
            /** @enum {string} */
            grade: "general" | "major";
            sector: string;
            org_id: number;
            risk_point_id?: number;
            location: components["schemas"]["GeoPoint"];
            address?: string;
            /** Format: date-time */
            found_at?: string;
        };
        HazardAction: {
            /** @enum {string} */
            action: "accept" | "reject" | "assign" | "start" | "progress" | "submit" | "verify" | "return" | "reopen";
            note?: string;
            reason?: string;
            grade?: string;
            sector?: string;
            responsible_org_id?: number;
            /** Format: date */
            deadline?: string;
            days?: number;
            /** @enum {string} */
            day_count?: "calendar" | "working";
            media_ids?: number[];
        };
        HazardExtensionRequest: {
            reason: string;
            /** Format: date */
            deadline: string;
        };
        HazardExtensionDecision: {
            grant: boolean;
            note?: string;
        };
        HazardCalendar: {
            holidays?: Record<string, never>[];
            workdays?: Record<string, never>[];
        };
        HazardPolicy: {
            rules: Record<string, never>[];
            major_milestones?: Record<string, never>[];
            escalation?: Record<string, never>;
        };
        PublicTip: {
            description: string;
            location: components["schemas"]["GeoPoint"];
            address?: string;
            contact?: string;
            /** @description leave empty */
            website?: string;
        };
        Device: {
            id: number;
            code: string;
            name: string;
            model: string;
            org_id: number;
            sector: string;
            risk_point_id: number | null;
            lon: number;
            lat: number;
            address: string;
            /** @enum {string} */
            status: "active" | "maintenance" | "retired";
            created_at: string;
            updated_at: string;
        };
        DeviceInput: {
            code: string;
            name: string;
            model?: string;
            org_id: number;
            sector: string;
            risk_point_id?: number;
            lon: number;
            lat: number;
            address?: string;
            status?: string;
        };
        Sensor: {
            id: number;
            code: string;
            device_id: number;
            name: string;
            type: string;
            unit: string;
            interval_s: number;
            status: string;
            rules: string;
            org_id: number;
            sector: string;
            lon: number;
            lat: number;
            last_at: string | null;
            last_value: number | null;
            /** @enum {string} */
            alarm_level: "none" | "blue" | "yellow" | "orange" | "red";
            offline: boolean;
            risk_point_id: number | null;
        };
        SensorInput: {
            code: string;
            device_id: number;
            name: string;
            type: string;
            unit?: string;
            interval_s?: number;
            status?: string;
            /** @description one rule per line, name: rule */
            rules?: string;
            lon?: number;
            lat?: number;
        };
        Alarm: {
            id: number;
            code: string;
            sensor_id: number;
            sensor: string;
            rule: string;
            site: string;
            org_id: number;
            sector: string;
            level: string;
            peak: string;
            /** @enum {string} */
            state: "active" | "acknowledged" | "handling" | "closed";
            value: number;
            raised_at: string;
            changed_at: string;
            cleared_at: string | null;
            acknowledged_at: string | null;
            handling_at: string | null;
            closed_at: string | null;
            disposition: string | null;
            notes: string;
            hazard_id: number | null;
            row_version: number;
            lat: number;
            lon: number;
            risk_point_id: number | null;
        };
        AlarmAction: {
            /** @enum {string} */
            action: "acknowledge" | "handle" | "close";
            /** @enum {string} */
            disposition?: "real_danger" | "false_alarm" | "device_fault" | "maintenance";
            notes?: string;
            row_version?: number;
        };
        IngestTally: {
            accepted: number;
            stored: number;
            duplicate: number;
            out_of_order: number;
            not_finite: number;
            unknown_sensor: number;
            out_of_window: number;
            malformed: number;
            alarms_changed: number;
        };
        /** @description JSON [{s, t, v}] or text/plain lines CODE,EPOCH_MS,VALUE */
        Readings: {
            s?: string;
            t?: unknown;
            v?: number;
        }[] | string;
        AlarmFigures: {
            raised: number;
            closed: number;
            open: number;
            cleared_by_condition: number;
            handling_rate: number;
            mean_ack_seconds: number;
            mean_close_seconds: number;
            sensors: number;
            online: number;
            online_rate: number;
            by_disposition: {
                [key: string]: number;
            };
            by_level: {
                [key: string]: number;
            };
        };
        Series: {
            resolution: string;
            from: string;
            to: string;
            points: {
                t: number;
                v: number;
                min: number;
                max: number;
                n: number;
            }[];
        };
        TypeRules: {
            rules?: string;
        };
        /** @description One audit-log entry; before/after are snapshots of the entity, whose fields depend on the entity */
        AuditRecord: {
            action: string;
            actor: string;
            actor_id: number;
            /** @description The entity as it became (fields depend on the entity); null when it was deleted */
            after: {
                [key: string]: unknown;
            } | null;
            at: string;
            /** @description The entity as it was (fields depend on the entity); null when it was created */
            before: {
                [key: string]: unknown;
            } | null;
            entity: string;
            entity_id: string;
            hash: string;
            scope_path: string;
            seq: number;
        };
        Feature: {
            /** @enum {string} */
            type: "Feature";
            id?: number;
            geometry: components["schemas"]["Geometry"];
            /** @description The feature's fields (a risk point's, or a base-map way's layer, class and name) */
            properties: {
                [key: string]: unknown;
            };
        };
    };
    responses: {
        /** @description RFC 9457 problem */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A store or internal failure (500), or the server too busy to take the request (503) */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        id: number;
        limit: number;
        cursor: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
