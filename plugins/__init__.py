"""Built-in rule plugins of `consistency`, one module per rule family.

Installed as the import package `consistency_plugins`; each module is registered in
the `consistency` entry-point group exactly as a third-party plugin would be.
"""
