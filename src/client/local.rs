//! A transport to a store this process opened itself: requests go to a handler in-process
//! (the demo's private store, tests), with no socket and no server in between.

use super::{ClientError, Transport};
use crate::proto::{Request, Response};

/// What answers a request in-process (`server::Service::handle` for an actor).
pub type Handler = Box<dyn FnMut(Request) -> Response + Send>;

pub struct LocalTransport {
    handler: Handler,
}

impl LocalTransport {
    pub fn new(handler: Handler) -> Self {
        Self { handler }
    }
}

impl Transport for LocalTransport {
    fn call(&mut self, request: Request) -> Result<Response, ClientError> {
        Ok((self.handler)(request))
    }
}
