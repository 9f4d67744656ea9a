/**
 * Secret masking policy, in one place and below every layer that shows values: which key names hold credentials
 * ({@link io.kanisterhooks.secrets.SecretKeys}), the Secret values this process has read and their masking in logs and
 * reports ({@link io.kanisterhooks.secrets.SecretValues}), and {@code %v} for error messages with credentials and long
 * strings left out ({@link io.kanisterhooks.secrets.SafeFormat}). Depends only on {@code io.kanisterhooks.golang}.
 */
package io.kanisterhooks.secrets;
