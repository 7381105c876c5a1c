env "local" {
  dev = "sqlite://x?mode=memory
}
