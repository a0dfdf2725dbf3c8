// The HTTP tests share one host (see PortalApp); domain tests are quick. One at a time keeps it simple.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
