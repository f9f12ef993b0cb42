/** The one immutable configuration record and how it is resolved from defaults, environment and flags. */
package org.paperlens.config;
