//! Starts `modelfile-ls` (the Python package's console script) for Modelfiles, and hands it the
//! user's `lsp.modelfile-ls` settings from Zed's settings.json.

use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

/// The console script `pip install modelfile-ls` puts on PATH.
const SERVER: &str = "modelfile-ls";
/// The configuration section the server reads (`workspace/configuration`).
const SECTION: &str = "modelfile";

struct ModelfileExtension;

impl zed::Extension for ModelfileExtension {
    fn new() -> Self {
        ModelfileExtension
    }

    fn language_server_command(
        &mut self,
        language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(language_server_id.as_ref(), worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let configured = binary.as_ref().and_then(|binary| binary.path.clone());
        let command = match configured.or_else(|| worktree.which(SERVER)) {
            Some(path) => path,
            None => {
                return Err(format!(
                    "{SERVER} not found on PATH: install it with `pip install modelfile-ls` \
                     (or `pipx install modelfile-ls`), or set lsp.{SERVER}.binary.path"
                ))
            }
        };
        Ok(zed::Command {
            command,
            args: binary
                .and_then(|binary| binary.arguments)
                .unwrap_or_default(),
            env: worktree.shell_env(),
        })
    }

    fn language_server_workspace_configuration(
        &mut self,
        language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        let settings = LspSettings::for_worktree(language_server_id.as_ref(), worktree)
            .ok()
            .and_then(|settings| settings.settings)
            .unwrap_or_else(|| serde_json::json!({}));
        let mut configuration = serde_json::Map::new();
        configuration.insert(SECTION.to_string(), settings);
        Ok(Some(serde_json::Value::Object(configuration)))
    }
}

zed::register_extension!(ModelfileExtension);
