//! A transport to a store this process opened itself.

use super::{ClientError, Transport};
use crate::domain::Actor;
use crate::proto::{Request, Response};
use crate::server::Service;

pub struct LocalTransport {
    service: Service,
    actor: Actor,
}

impl LocalTransport {
    pub fn new(service: Service, actor: Actor) -> Self {
        Self { service, actor }
    }
}

impl Transport for LocalTransport {
    fn call(&mut self, request: Request) -> Result<Response, ClientError> {
        Ok(self.service.handle(&self.actor, crate::clock::now(), request))
    }
}
