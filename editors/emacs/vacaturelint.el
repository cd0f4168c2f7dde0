;;; vacaturelint.el --- vacaturelint via eglot -*- lexical-binding: t; -*-

;; Minimal eglot setup (Emacs 29+ has eglot built in). Load with
;;   (load "/path/to/editors/emacs/vacaturelint.el")
;; or copy the forms into your init file.

(require 'eglot)

;; Server command: `vacaturelint lsp' on PATH, or a venv interpreter:
;;   ("/path/to/venv/bin/python" "-m" "vacaturelint" "lsp" ...)
;; :initializationOptions is the flat settings object; vectors become JSON arrays,
;; nil becomes null.
(add-to-list 'eglot-server-programs
             '((markdown-mode text-mode html-mode)
               . ("vacaturelint" "lsp"
                  :initializationOptions
                  (:model nil :select [] :ignore [] :minSeverity nil :config nil))))

;; The server also asks workspace/configuration for section "vacaturelint";
;; eglot answers it from this variable (per project: .dir-locals.el).
(setq-default eglot-workspace-configuration
              '(:vacaturelint (:model nil :select [] :ignore [] :minSeverity nil :config nil)))

;; Start automatically (note: text-mode also matches modes derived from it).
(add-hook 'markdown-mode-hook #'eglot-ensure)
;; (add-hook 'text-mode-hook #'eglot-ensure)
;; (add-hook 'html-mode-hook #'eglot-ensure)

;; A local model path: (setenv "VACATURELINT_MODEL" "/pad/naar/nl_core_news_md")

(provide 'vacaturelint)
;;; vacaturelint.el ends here
